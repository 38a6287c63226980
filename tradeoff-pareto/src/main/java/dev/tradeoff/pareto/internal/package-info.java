/**
 * Implementation of {@code dev.tradeoff.pareto}: primitive-array algorithms (radix and lexicographic sorts, a
 * 64-ary bit set, non-dominated filtering and sorting, crowding, hypervolume, knee, scoring kernels).
 *
 * <p>Not API: nothing outside {@code tradeoff-pareto} may use this package (an ArchUnit rule enforces it), and
 * anything here may change in any release. Every method assumes its arguments were validated by the public
 * layer (finite values, {@code -0.0} already normalized to {@code 0.0}, consistent dimensions).
 */
package dev.tradeoff.pareto.internal;
