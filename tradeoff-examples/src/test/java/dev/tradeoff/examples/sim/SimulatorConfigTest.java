package dev.tradeoff.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Validation of profiles, faults, outages and configuration, and the sourced demo profiles. */
final class SimulatorConfigTest {

  private static ModelProfile.Builder valid(String id) {
    return ModelProfile.builder(id).source("assumption").asOf(LocalDate.of(2026, 11, 28));
  }

  @Test
  void distribution_negativeParameter_isRejectedNamingIt() {
    assertThatThrownBy(() -> Distribution.normal(-1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("mean must be finite and >= 0, but was -1.0");
    assertThatThrownBy(() -> Distribution.logNormal(0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("median must be > 0, but was 0.0");
  }

  @Test
  void distribution_samples_areNeverNegativeAndConstantsAreExact() {
    SplittableRandom random = new SplittableRandom(1);
    Distribution wide = Distribution.normal(1, 100);
    for (int i = 0; i < 1000; i++) {
      assertThat(wide.sample(random)).isGreaterThanOrEqualTo(0.0);
    }
    assertThat(Distribution.constant(40).sample(random)).isEqualTo(40.0);
    assertThat(Distribution.logNormal(390, 0.35).median()).isEqualTo(390.0);
  }

  @Test
  void faultProfile_probabilityOutOfRange_isRejectedInTheSetter() {
    assertThatThrownBy(() -> FaultProfile.builder().stallProbability(1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("stallProbability must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> FaultProfile.builder().serverErrorStatus(429))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serverErrorStatus must be in [500, 599], but was 429");
  }

  @Test
  void faultProfile_probabilitiesAbove1_areRejected() {
    assertThatThrownBy(() -> FaultProfile.builder().rateLimitProbability(0.6).serverErrorProbability(0.6).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must add up to <= 1");
  }

  @Test
  void outageWindow_endNotAfterStart_isRejected() {
    assertThatThrownBy(() -> OutageWindow.of(Duration.ofSeconds(5), Duration.ofSeconds(5), OutageKind.OVERLOADED))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("end must be after start (PT5S), but was PT5S");
    assertThat(OutageWindow.of(Duration.ZERO, Duration.ofSeconds(1), OutageKind.SERVER_ERROR)
        .contains(Duration.ofSeconds(1))).as("half-open").isFalse();
  }

  @Test
  void modelProfile_withoutSource_cannotBeBuilt() {
    assertThatThrownBy(() -> ModelProfile.builder("m").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("source and asOf must be set for model m");
  }

  @Test
  void modelProfile_badShares_areRejectedNamingTheAttribute() {
    assertThatThrownBy(() -> valid("m").cachedInputShare(1.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cachedInputShare must be in [0, 1], but was 1.2");
    assertThatThrownBy(() -> valid("m").cachedInputShare(0.7).cacheWriteShare(0.7).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cachedInputShare + cacheWriteShare");
  }

  @Test
  void modelProfile_toBuilder_roundTripsEveryValue() {
    ModelProfile profile = valid("m").alias("m-1").wireFormats(WireFormat.OPENAI_RESPONSES)
        .cachedInputShare(0.25).faults(FaultProfile.builder().stallProbability(0.1).build())
        .outage(OutageWindow.of(Duration.ZERO, Duration.ofMinutes(1), OutageKind.RATE_LIMITED)).build();

    assertThat(profile.toBuilder().build()).isEqualTo(profile);
    assertThat(profile.simulated()).isTrue();
    assertThat(profile.answersTo("m-1")).isTrue();
  }

  @Test
  void config_duplicateModelName_isRejectedNamingBothProfiles() {
    assertThatThrownBy(() -> SimulatorConfig.builder().addProfile(valid("a").alias("x").build())
        .addProfile(valid("b").alias("x").build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model id or alias 'x' is used by both a and b");
  }

  @Test
  void config_withoutProfiles_isRejected() {
    assertThatThrownBy(() -> SimulatorConfig.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("profiles must contain at least one model");
  }

  @Test
  void demoProfiles_eachNameASourceADateAndAreSimulated() {
    assertThat(DemoProfiles.all()).extracting(ModelProfile::id).containsExactly("gpt-4o-mini", "gpt-4o",
        "claude-3-haiku-20240307", "claude-3-5-sonnet-20241022", "gemini-1.5-flash", "gemini-2.0-flash",
        "llama-3-70b-instruct", "llama-3-70b-instruct-g5");
    for (ModelProfile profile : DemoProfiles.all()) {
      assertThat(profile.source()).contains("http").contains("ASSUMPTIONS");
      assertThat(profile.asOf()).isEqualTo(LocalDate.of(2026, 11, 28));
      assertThat(profile.simulated()).isTrue();
      assertThat(profile.faults().any()).isFalse();
    }
    // GPT-4o: Artificial Analysis 0.39 s TTFT, 81 tokens/s
    assertThat(DemoProfiles.gpt4o().ttftMillis().median()).isEqualTo(390.0);
    assertThat(DemoProfiles.gpt4o().interTokenGapMillis().median()).isCloseTo(1000.0 / 81, within(1e-9));
  }

  @Test
  void defaults_serveTheDemoModelsOnLoopbackWithAnEphemeralPort() {
    SimulatorConfig config = SimulatorConfig.defaults();

    assertThat(config.bindAddress().isLoopbackAddress()).isTrue();
    assertThat(config.port()).isZero();
    assertThat(config.profiles()).hasSize(8);
  }
}
