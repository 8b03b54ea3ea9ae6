/**
 * Follow mode as the view shows it while the host has not yet answered a toggle.
 * The host owns `following`, but every state it sent before it saw the toggle still
 * says the old value: applied as they come, they would flip the Follow button back
 * and forth (true, false, true) between the click and the host's answer. Each toggle
 * the host applies changes the value it reports, so the view shows what was asked
 * until it has seen as many changes as it sent toggles.
 */
export class FollowToggle {
  /** The last value the host reported. */
  private reported: boolean | undefined;
  private asked = false;
  private unanswered = 0;

  /** A toggle was sent while `shown` was shown: the value to show until the host answers. */
  toggled(shown: boolean): boolean {
    this.reported ??= shown; // nothing reported since the first state: that is what is shown
    this.asked = !shown;
    this.unanswered++;
    return this.asked;
  }

  /** The value to show for a state the host reported `following` in. */
  shown(following: boolean): boolean {
    if (this.reported !== undefined && following !== this.reported && this.unanswered > 0) this.unanswered--;
    this.reported = following;
    return this.unanswered > 0 ? this.asked : following;
  }
}
