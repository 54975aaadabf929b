/**
 * Computation graphs: the {@link org.grad4j.graph.Graph} IR (inputs, named parameters, constants and
 * grad4j ops with attributes, static shapes and dtypes, outputs and state updates of parameters),
 * recorded from eager code by
 * {@link org.grad4j.graph.Graph#trace} or built by hand with {@link org.grad4j.graph.GraphBuilder},
 * differentiated symbolically by {@link org.grad4j.graph.Autodiff}, printed as a table or as Graphviz
 * text, rewritten by {@link org.grad4j.graph.Passes} (constant
 * folding, algebraic simplification, common subexpressions, dead code), planned into one arena by
 * {@link org.grad4j.graph.MemoryPlan} and run with the eager ops.
 */
package org.grad4j.graph;
