package dev.tradeoff.examples;

/**
 * Where an example sends its requests.
 *
 * <pre>{@code
 * ChatbotReport offline = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.SIMULATED);
 * ChatbotReport auto = ChatbotDashboard.run(ChatbotScenario.defaults(), ProviderMode.AUTO);
 * }</pre>
 */
public enum ProviderMode {
  /** The embedded simulated provider on 127.0.0.1: offline, deterministic, labelled simulated everywhere. */
  SIMULATED,
  /** The real provider APIs; every API key the example needs must be set in the environment. */
  REAL,
  /** {@link #REAL} when every needed API key is set in the environment, else {@link #SIMULATED}. */
  AUTO
}
