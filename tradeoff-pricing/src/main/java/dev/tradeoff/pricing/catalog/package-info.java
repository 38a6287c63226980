/**
 * Catalog files: the library's own JSON format ({@link dev.tradeoff.pricing.catalog.CatalogJson}), the
 * LiteLLM price-map importer ({@link dev.tradeoff.pricing.catalog.LiteLlmImporter}), strict and lenient
 * loading with a report of what was skipped and what could not be represented, enterprise overrides
 * ({@link dev.tradeoff.pricing.catalog.PriceOverrides}) and catalog diffs
 * ({@link dev.tradeoff.pricing.catalog.CatalogDiff}).
 */
@TradeoffStyle
package dev.tradeoff.pricing.catalog;

import dev.tradeoff.internal.style.TradeoffStyle;
