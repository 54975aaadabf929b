/** The hooks through which eager ops report to a graph tracer. */
package org.grad4j.internal.trace;
