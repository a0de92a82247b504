import CGSL

/// The eigen-decomposition A = U diag(values) Uᵀ of a real symmetric matrix, by GSL's
/// symmetric QR method (`gsl_eigen_symmv`: Householder tridiagonalisation, then implicit
/// QL/QR; eigenvectors orthonormal to machine precision).
///
/// ```swift
/// let eigen = SymmetricEigen(matrix: [2, 1, 1, 2], order: 2)!
/// eigen.values          // [1, 3], ascending
/// eigen.vector(1)       // [0.7071, 0.7071] (up to sign)
/// ```
///
/// Storage: `matrix` row-major n x n (only the lower triangle is read), `vectors` row-major
/// with eigenvector j in column j. Values ascend; each vector's sign is fixed so that its
/// largest-magnitude entry is positive, so the result is a function of the input.
struct SymmetricEigen {
  let order: Int
  /// Eigenvalues, ascending, `[n]`.
  let values: [Double]
  /// n x n, row-major; column j is the eigenvector of `values[j]`.
  let vectors: [Double]

  /// Nil when GSL reports a failure (it does not for finite input) or an entry is not finite.
  init?(matrix: [Double], order n: Int) {
    precondition(matrix.count == n * n, "an n x n matrix")
    guard n > 0, matrix.allSatisfy(\.isFinite) else { return nil }
    GSLRuntime.prepare()
    var copy = matrix
    var values = [Double](repeating: 0, count: n)
    var vectors = [Double](repeating: 0, count: n * n)
    let status: Int32 = copy.withUnsafeMutableBufferPointer { a in
      values.withUnsafeMutableBufferPointer { v in
        vectors.withUnsafeMutableBufferPointer { u in
          var aView = gsl_matrix_view_array(a.baseAddress, n, n)
          var vView = gsl_vector_view_array(v.baseAddress, n)
          var uView = gsl_matrix_view_array(u.baseAddress, n, n)
          guard let workspace = gsl_eigen_symmv_alloc(n) else { return Int32(GSL_ENOMEM) }
          defer { gsl_eigen_symmv_free(workspace) }
          let status = gsl_eigen_symmv(&aView.matrix, &vView.vector, &uView.matrix, workspace)
          guard status == Int32(GSL_SUCCESS) else { return status }
          return gsl_eigen_symmv_sort(&vView.vector, &uView.matrix, GSL_EIGEN_SORT_VAL_ASC)
        }
      }
    }
    guard status == Int32(GSL_SUCCESS) else { return nil }
    for j in 0..<n {
      var largest = 0
      for i in 0..<n where abs(vectors[i * n + j]) > abs(vectors[largest * n + j]) { largest = i }
      if vectors[largest * n + j] < 0 {
        for i in 0..<n { vectors[i * n + j] = -vectors[i * n + j] }
      }
    }
    order = n
    self.values = values
    self.vectors = vectors
  }

  /// Eigenvector j, `[n]`.
  func vector(_ j: Int) -> [Double] { (0..<order).map { vectors[$0 * order + j] } }

  /// U diag(f(values)) Uᵀ, row-major n x n: a function of the matrix (its square root, its
  /// inverse, ...).
  func function(_ f: (Double) -> Double) -> [Double] {
    let n = order
    let mapped = values.map(f)
    var result = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for k in 0...i {
        var sum = 0.0
        for j in 0..<n { sum += vectors[i * n + j] * mapped[j] * vectors[k * n + j] }
        result[i * n + k] = sum
        result[k * n + i] = sum
      }
    }
    return result
  }
}
