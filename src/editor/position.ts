/**
 * A place in a text file as both sides of the viewer protocol name it. In a file of
 * its own so that protocol.ts and the validators it uses (validate.ts, findProtocol.ts)
 * all import it from below, instead of the validators importing the protocol.
 */

/** A position in the file: 0-based line and 0-based byte column inside that line. */
export interface Position {
  line: number;
  column: number;
}
