/**
 * Deliberately mis-layered classes that prove {@code ArchitectureTest}'s rules fire: a "pareto" type using
 * "pricing", and an "api" type using "metrics.internal".
 */
package dev.tradeoff.cli.archfixture;
