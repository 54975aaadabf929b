/** Scalar special functions the Java kernels and the initializers share. Not exported. */
package org.grad4j.internal.math;
