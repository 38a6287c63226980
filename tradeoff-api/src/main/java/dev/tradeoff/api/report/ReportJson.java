package dev.tradeoff.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tradeoff.api.TradeoffException;

/**
 * The Jackson configuration for the report and every input of an analysis ({@code AnalysisInput},
 * {@code WorkloadProfile}, candidates with their {@code tradeoff-pricing} plans, {@code Scenario},
 * {@link TradeoffReport}, {@link WhatIfReport}): {@code Optional}/{@code OptionalDouble} and {@code java.time}
 * support, decimals written plainly ({@code 0.00067500}, never {@code 6.75E-4}), absent optionals and empty
 * collections omitted — the same conventions as {@code tradeoff-pricing}'s {@code PricingJson}, so embedded
 * plans read and write alike.
 *
 * <pre>{@code
 * String json = ReportJson.toJson(report);
 * TradeoffReport back = ReportJson.fromJson(json, TradeoffReport.class);   // equals(report)
 * AnalysisInput saved = ReportJson.mapper().readValue(file.toFile(), AnalysisInput.class);
 * }</pre>
 *
 * <p>Each {@link #mapper()} call returns a new mapper, thread-safe once configured.
 *
 * @since 0.1.0
 */
public final class ReportJson {

  private static final ObjectMapper SHARED = mapper();

  private ReportJson() {}

  /**
   * A new, configured mapper.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.USE_DEFAULTS))
        .build();
  }

  /**
   * Any report or input type as compact JSON.
   *
   * @param value the value
   * @return the JSON text
   * @throws TradeoffException if the value cannot be written
   */
  public static String toJson(Object value) {
    try {
      return SHARED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw TradeoffException.of("json", "cannot write " + value.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a report or input type.
   *
   * @param json the JSON text
   * @param type the type, for example {@code TradeoffReport.class}
   * @param <T> the type
   * @return the value, validated by its checks
   * @throws TradeoffException if the text is not valid JSON for the type (the message has line and column)
   */
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return SHARED.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw TradeoffException.of("json", "cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
