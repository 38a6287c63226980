/**
 * Implementation detail of the examples (text formatting, JSON helpers); may change without notice and is not
 * to be used from other modules.
 */
package dev.tradeoff.examples.internal;
