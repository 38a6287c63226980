package dev.tradeoff.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ObjectiveTest {

  @Test
  void atMostAtLeast_setInclusiveBounds() {
    Objective o = Objective.minimize("p95TtftMs").atMost(800).atLeast(0);
    assertThat(o.upperBound()).hasValue(800);
    assertThat(o.lowerBound()).hasValue(0);
    assertThat(o.admits(800)).isTrue();
    assertThat(o.admits(800.0001)).isFalse();
    assertThat(o.admits(-0.0)).isTrue();
    assertThat(o.admits(Double.NaN)).isFalse();
    assertThat(Objective.maximize("q").admits(-1e300)).isTrue();
  }

  @Test
  void bounds_crossed_areRejected() {
    assertThatThrownBy(() -> Objective.minimize("cost").atMost(5).atLeast(6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lowerBound of objective 'cost' must be <= upperBound 5.0, but was 6.0");
  }

  @Test
  void bounds_notFinite_areRejected() {
    assertThatThrownBy(() -> Objective.minimize("cost").atMost(Double.POSITIVE_INFINITY))
        .hasMessage("upperBound of objective 'cost' must be finite, but was Infinity");
  }

  @Test
  void name_blank_isRejected() {
    assertThatThrownBy(() -> Objective.maximize(" ")).hasMessage("name must be non-blank, but was \" \"");
  }

  @Test
  void direction_toMinimization_negatesMaximizedAndNormalizesZero() {
    assertThat(Direction.MAXIMIZE.toMinimization(0.9)).isEqualTo(-0.9);
    assertThat(Double.doubleToRawLongBits(Direction.MAXIMIZE.toMinimization(0.0))).isZero();
    assertThat(Double.doubleToRawLongBits(Direction.MINIMIZE.toMinimization(-0.0))).isZero();
  }
}
