package dev.tradeoff.pricing.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration for every JSON value type of this module ({@code ModelPrice},
 * {@code RequestCost}, plans, {@code WorkloadCost}, TCO results, ...): {@code Optional} and
 * {@code java.time} support, ISO dates, decimals written plainly ({@code 0.0000875}, never {@code 8.75E-5}),
 * absent optionals and empty collections omitted.
 *
 * <pre>{@code
 * ObjectMapper json = PricingJson.mapper();
 * String text = json.writeValueAsString(cost);
 * RequestCost back = json.readValue(text, RequestCost.class);
 * }</pre>
 *
 * <p>Each call returns a new mapper; an {@link ObjectMapper} is thread-safe once configured.
 *
 * @since 0.1.0
 */
public final class PricingJson {

  private PricingJson() {}

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
        .serializationInclusion(JsonInclude.Include.NON_EMPTY)
        .build();
  }
}
