;; SIMD byte scanner behind src/lines/newlineScanner.ts.
;;
;; The bytes embedded in newlineScanner.ts (WASM_BASE64) are this file assembled with
;; the npm package `wabt` 1.0.39, which the project does NOT depend on:
;;   mkdir /tmp/w && cd /tmp/w && npm i wabt@1.0.39
;;   npx wat2wasm /work/main/src/lines/newlineScanner.wat -o scanner.wasm   (SIMD is on by default)
;;   base64 -w0 scanner.wasm
;; and the output pasted into WASM_BASE64. Nothing rebuilds it at build or run time; the
;; unit tests check the embedded module against a naive loop.
;;
;; Memory is the caller's (JS owns layout and growth, see newlineScanner.ts). Every
;; function may read up to 63 bytes past p+len (the last 64-byte block is loaded whole
;; and masked), so JS keeps at least 64 bytes of slack after any scanned range.
;; Positions and counts are i32: a scanned range is at most 1 GiB.
;;
;; The 64-byte compare-to-bitmask expression is written out in both `nth` and `marks`
;; instead of being a function: V8 in Node 20 does not inline wasm calls, and the call
;; made `nth` 2 to 3 times slower (measured 19 vs 44 GB/s on a cached 1 MiB chunk).
(module
  (import "env" "memory" (memory 1))

  ;; Number of bytes equal to $byte in [p, p+len).
  ;; Counting needs no positions, so it skips bitmask/popcnt: each lane of $acc sums the
  ;; 0/-1 compare results directly, at most 4 per iteration, and is widened to 32 bits
  ;; every 63 iterations, before a lane can pass 255.
  (func (export "count") (param $p i32) (param $len i32) (param $byte i32) (result i32)
    (local $v v128) (local $acc v128) (local $wide v128)
    (local $bulkEnd i32) (local $stop i32) (local $total i32)
    (local.set $v (i8x16.splat (local.get $byte)))
    (local.set $bulkEnd (i32.add (local.get $p) (i32.and (local.get $len) (i32.const -64))))
    (block $bulkDone
      (loop $flush
        (br_if $bulkDone (i32.ge_u (local.get $p) (local.get $bulkEnd)))
        (local.set $stop (i32.add (local.get $p) (i32.const 4032))) ;; 63 * 64
        (if (i32.gt_u (local.get $stop) (local.get $bulkEnd))
          (then (local.set $stop (local.get $bulkEnd))))
        (local.set $acc (v128.const i64x2 0 0))
        (loop $inner
          (local.set $acc
            (i8x16.sub (local.get $acc)
              (i8x16.add
                (i8x16.add (i8x16.eq (v128.load offset=0 (local.get $p)) (local.get $v))
                           (i8x16.eq (v128.load offset=16 (local.get $p)) (local.get $v)))
                (i8x16.add (i8x16.eq (v128.load offset=32 (local.get $p)) (local.get $v))
                           (i8x16.eq (v128.load offset=48 (local.get $p)) (local.get $v))))))
          (local.set $p (i32.add (local.get $p) (i32.const 64)))
          (br_if $inner (i32.lt_u (local.get $p) (local.get $stop))))
        (local.set $wide (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $acc))))
        (local.set $total
          (i32.add (local.get $total)
            (i32.add
              (i32.add (i32x4.extract_lane 0 (local.get $wide)) (i32x4.extract_lane 1 (local.get $wide)))
              (i32.add (i32x4.extract_lane 2 (local.get $wide)) (i32x4.extract_lane 3 (local.get $wide))))))
        (br $flush)))
    ;; the last len % 64 bytes: `marks` with a need it can never reach only counts
    (i32.add (local.get $total)
      (call $marks (local.get $p) (i32.and (local.get $len) (i32.const 63)) (local.get $byte)
                   (i32.const -1) (i32.const 0) (i32.const 0))))

  ;; Offset from p of the n-th (0-based) byte equal to $byte in [p, p+len); when there are
  ;; only k <= n such bytes, returns -1 - k, so a caller scanning piece by piece needs no
  ;; second pass to learn how many the piece held.
  (func (export "nth") (param $p i32) (param $len i32) (param $byte i32) (param $n i32) (result i32)
    (local $v v128) (local $start i32) (local $end i32) (local $m i64) (local $c i32) (local $n0 i32)
    (local.set $v (i8x16.splat (local.get $byte)))
    (local.set $start (local.get $p))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (local.set $n0 (local.get $n))
    (block $notFound
      (loop $scan
        (br_if $notFound (i32.ge_u (local.get $p) (local.get $end)))
        ;; bit i of $m: byte p+i matches; bits at or past $end cleared
        (local.set $m
          (i64.or
            (i64.or
              (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=0 (local.get $p)) (local.get $v))))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=16 (local.get $p)) (local.get $v))))
                       (i64.const 16)))
            (i64.or
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=32 (local.get $p)) (local.get $v))))
                       (i64.const 32))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=48 (local.get $p)) (local.get $v))))
                       (i64.const 48)))))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 64))
          (then (local.set $m (i64.and (local.get $m)
            (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p))))
                     (i64.const 1))))))
        (local.set $c (i32.wrap_i64 (i64.popcnt (local.get $m))))
        (if (i32.lt_u (local.get $n) (local.get $c))
          (then
            ;; drop the n lowest set bits; the lowest one left is the answer
            (block $dropped
              (loop $drop
                (br_if $dropped (i32.eqz (local.get $n)))
                (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $drop)))
            (return (i32.add (i32.sub (local.get $p) (local.get $start))
                             (i32.wrap_i64 (i64.ctz (local.get $m)))))))
        (local.set $n (i32.sub (local.get $n) (local.get $c)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $scan)))
    (i32.sub (i32.const -1) (i32.sub (local.get $n0) (local.get $n))))

  ;; Count bytes equal to $byte in [p, p+len) and store, as u32 offsets from p at $out,
  ;; the position of the $need-th one (1-based), then of every $every-th one after it.
  ;; Returns the count; the caller derives how many offsets were stored from it.
  ;; $need and the comparisons are unsigned, so need = -1 stores nothing.
  (func $marks (export "marks") (param $p i32) (param $len i32) (param $byte i32)
                                (param $need i32) (param $every i32) (param $out i32) (result i32)
    (local $v v128) (local $acc v128) (local $start i32) (local $end i32) (local $m i64)
    (local $c i32) (local $k i32) (local $total i32)
    (local.set $v (i8x16.splat (local.get $byte)))
    (local.set $start (local.get $p))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; Fast path: while no checkpoint falls in the next 256 bytes, count them the
        ;; cheap way (as in `count`) and skip them; doubles speed at every = 64.
        (if (i32.ge_u (i32.sub (local.get $end) (local.get $p)) (i32.const 256))
          (then
            (local.set $acc
              (i8x16.add
                (i8x16.add (i8x16.eq (v128.load offset=0 (local.get $p)) (local.get $v))
                           (i8x16.eq (v128.load offset=16 (local.get $p)) (local.get $v)))
                (i8x16.add (i8x16.eq (v128.load offset=32 (local.get $p)) (local.get $v))
                           (i8x16.eq (v128.load offset=48 (local.get $p)) (local.get $v)))))
            (local.set $acc
              (i8x16.add (local.get $acc)
                (i8x16.add
                  (i8x16.add (i8x16.eq (v128.load offset=64 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=80 (local.get $p)) (local.get $v)))
                  (i8x16.add (i8x16.eq (v128.load offset=96 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=112 (local.get $p)) (local.get $v))))))
            (local.set $acc
              (i8x16.add (local.get $acc)
                (i8x16.add
                  (i8x16.add (i8x16.eq (v128.load offset=128 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=144 (local.get $p)) (local.get $v)))
                  (i8x16.add (i8x16.eq (v128.load offset=160 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=176 (local.get $p)) (local.get $v))))))
            (local.set $acc
              (i8x16.add (local.get $acc)
                (i8x16.add
                  (i8x16.add (i8x16.eq (v128.load offset=192 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=208 (local.get $p)) (local.get $v)))
                  (i8x16.add (i8x16.eq (v128.load offset=224 (local.get $p)) (local.get $v))
                             (i8x16.eq (v128.load offset=240 (local.get $p)) (local.get $v))))))
            ;; lanes hold -(matches), at most 16 in magnitude
            (local.set $acc (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u
              (i8x16.neg (local.get $acc)))))
            (local.set $c (i32.add
              (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
              (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
            (if (i32.lt_u (local.get $c) (local.get $need))
              (then
                (local.set $total (i32.add (local.get $total) (local.get $c)))
                (local.set $need (i32.sub (local.get $need) (local.get $c)))
                (local.set $p (i32.add (local.get $p) (i32.const 256)))
                (br $scan)))))
        ;; Slow path, one 64-byte block by bitmask: a checkpoint is near, or the tail.
        (local.set $m
          (i64.or
            (i64.or
              (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=0 (local.get $p)) (local.get $v))))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=16 (local.get $p)) (local.get $v))))
                       (i64.const 16)))
            (i64.or
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=32 (local.get $p)) (local.get $v))))
                       (i64.const 32))
              (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (v128.load offset=48 (local.get $p)) (local.get $v))))
                       (i64.const 48)))))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 64))
          (then (local.set $m (i64.and (local.get $m)
            (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p))))
                     (i64.const 1))))))
        (local.set $c (i32.wrap_i64 (i64.popcnt (local.get $m))))
        (local.set $total (i32.add (local.get $total) (local.get $c)))
        (block $emitted
          (loop $emit
            (br_if $emitted (i32.lt_u (local.get $c) (local.get $need)))
            (local.set $c (i32.sub (local.get $c) (local.get $need)))
            ;; drop need - 1 set bits; the lowest one left is the checkpoint
            (local.set $k (i32.sub (local.get $need) (i32.const 1)))
            (block $dropped
              (loop $drop
                (br_if $dropped (i32.eqz (local.get $k)))
                (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
                (local.set $k (i32.sub (local.get $k) (i32.const 1)))
                (br $drop)))
            (i32.store (local.get $out)
              (i32.add (i32.sub (local.get $p) (local.get $start))
                       (i32.wrap_i64 (i64.ctz (local.get $m)))))
            (local.set $out (i32.add (local.get $out) (i32.const 4)))
            (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
            (local.set $need (local.get $every))
            (br $emit)))
        (local.set $need (i32.sub (local.get $need) (local.get $c)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $scan)))
    (local.get $total))

  ;; Offsets from p of the positions i in [p, p+len) where the bytes at i+$o0, i+$o1 and
  ;; i+$o2 are $b0, $b1 and $b2: the prefilter of a substring search, which picks three
  ;; rare bytes of the needle and checks the candidates in JS. Stores them as u32 at $out,
  ;; at most $cap; returns how many, so $cap means "call again after the last one". Reads
  ;; up to 63 + max(o) bytes past p+len. Candidates are rare, so a 64-byte block is tested
  ;; as a whole (any_true) before its bitmask is made.
  (func (export "probe") (param $p i32) (param $len i32)
      (param $o0 i32) (param $b0 i32) (param $o1 i32) (param $b1 i32) (param $o2 i32) (param $b2 i32)
      (param $out i32) (param $cap i32) (result i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128)
    (local $g0 v128) (local $g1 v128) (local $g2 v128) (local $g3 v128)
    (local $a0 i32) (local $a1 i32) (local $a2 i32)
    (local $q i32) (local $end i32) (local $m i64) (local $n i32)
    (local.set $v0 (i8x16.splat (local.get $b0)))
    (local.set $v1 (i8x16.splat (local.get $b1)))
    (local.set $v2 (i8x16.splat (local.get $b2)))
    (local.set $q (local.get $p))
    (local.set $end (i32.add (local.get $p) (local.get $len)))
    (block $done
      (loop $scan
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $a0 (i32.add (local.get $q) (local.get $o0)))
        (local.set $a1 (i32.add (local.get $q) (local.get $o1)))
        (local.set $a2 (i32.add (local.get $q) (local.get $o2)))
        (local.set $g0 (v128.and (v128.and
          (i8x16.eq (v128.load offset=0 (local.get $a0)) (local.get $v0))
          (i8x16.eq (v128.load offset=0 (local.get $a1)) (local.get $v1)))
          (i8x16.eq (v128.load offset=0 (local.get $a2)) (local.get $v2))))
        (local.set $g1 (v128.and (v128.and
          (i8x16.eq (v128.load offset=16 (local.get $a0)) (local.get $v0))
          (i8x16.eq (v128.load offset=16 (local.get $a1)) (local.get $v1)))
          (i8x16.eq (v128.load offset=16 (local.get $a2)) (local.get $v2))))
        (local.set $g2 (v128.and (v128.and
          (i8x16.eq (v128.load offset=32 (local.get $a0)) (local.get $v0))
          (i8x16.eq (v128.load offset=32 (local.get $a1)) (local.get $v1)))
          (i8x16.eq (v128.load offset=32 (local.get $a2)) (local.get $v2))))
        (local.set $g3 (v128.and (v128.and
          (i8x16.eq (v128.load offset=48 (local.get $a0)) (local.get $v0))
          (i8x16.eq (v128.load offset=48 (local.get $a1)) (local.get $v1)))
          (i8x16.eq (v128.load offset=48 (local.get $a2)) (local.get $v2))))
        (if (v128.any_true (v128.or (v128.or (local.get $g0) (local.get $g1)) (v128.or (local.get $g2) (local.get $g3))))
          (then
            ;; bit i of $m: position q+i is a candidate; bits at or past $end cleared
            (local.set $m
              (i64.or
                (i64.or
                  (i64.extend_i32_u (i8x16.bitmask (local.get $g0)))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $g1))) (i64.const 16)))
                (i64.or
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $g2))) (i64.const 32))
                  (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $g3))) (i64.const 48)))))
            (if (i32.lt_u (i32.sub (local.get $end) (local.get $q)) (i32.const 64))
              (then (local.set $m (i64.and (local.get $m)
                (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $q))))
                         (i64.const 1))))))
            (block $stored
              (loop $store
                (br_if $stored (i64.eqz (local.get $m)))
                (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
                  (i32.add (i32.sub (local.get $q) (local.get $p)) (i32.wrap_i64 (i64.ctz (local.get $m)))))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br_if $done (i32.eq (local.get $n) (local.get $cap)))
                (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
                (br $store)))))
        (local.set $q (i32.add (local.get $q) (i32.const 64)))
        (br $scan)))
    (local.get $n))
)
