#ifndef BAYES_MMM_CGSL_SHIM_H
#define BAYES_MMM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_result.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_eigen.h>

/// The Mersenne Twister generator type. GSL exposes it as a mutable C global,
/// which Swift 6 refuses to read from nonisolated code; this accessor is safe
/// because GSL never writes to it after load.
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/// Turns GSL's default abort-on-error handler off, process-wide.
/// Callers use the `_e` variants or check results themselves.
static inline void cgsl_disable_error_handler(void) { gsl_set_error_handler_off(); }

#endif
