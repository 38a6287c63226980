package dev.tradeoff.cli;

import picocli.CommandLine;

/** The version printed by {@code tradeoff --version}: the jar's implementation version. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = TradeoffCli.class.getPackage().getImplementationVersion();
    return new String[] {"tradeoff " + (version == null ? "(development build)" : version)};
  }
}
