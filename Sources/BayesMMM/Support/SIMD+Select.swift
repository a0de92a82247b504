/// A lane select done with bit operations on the comparison mask.
///
/// The standard library's `replacing(with:where:)` tests each mask lane's sign, which with
/// the default x86-64 target (SSE2: no 64-bit compare, no blend) costs two extra
/// instructions per register and per select on top of the and/andnot/or; a comparison's
/// mask is already all ones or all zeros per lane, so `other ^ ((self ^ other) & ~mask)`
/// selects directly. The vector loops of the density use this form.
extension SIMD where Scalar == Double, MaskStorage.Scalar == Int64 {
  /// `other` in the lanes where `mask` is true, `self` elsewhere (bit for bit, NaN payloads
  /// included).
  @inline(__always)
  func lanesReplacing(with other: Self, where mask: SIMDMask<MaskStorage>) -> Self {
    let kept = unsafeBitCast(self, to: MaskStorage.self)
    let replacement = unsafeBitCast(other, to: MaskStorage.self)
    return unsafeBitCast(kept ^ ((kept ^ replacement) & mask._storage), to: Self.self)
  }

  /// `other` in the lanes where `mask` is true, `self` elsewhere.
  @inline(__always)
  func lanesReplacing(with other: Double, where mask: SIMDMask<MaskStorage>) -> Self {
    lanesReplacing(with: Self(repeating: other), where: mask)
  }
}
