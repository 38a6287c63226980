/** Implementation detail of {@code tradeoff-metrics}; may change in any release. Not for use outside the module. */
@TradeoffStyle
package dev.tradeoff.metrics.internal;

import dev.tradeoff.internal.style.TradeoffStyle;
