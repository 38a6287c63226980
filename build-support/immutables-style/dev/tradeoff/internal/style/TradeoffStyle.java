package dev.tradeoff.internal.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: put it on a value type (or a {@code package-info.java})
 * instead of a bare {@link Value.Immutable}.
 *
 * <ul>
 *   <li>Accessors carry no {@code get} prefix ({@code inputPerMillion()}, not {@code getInputPerMillion()}).</li>
 *   <li>Generated classes are public ({@code ImmutableX}) and use JDK collections only (no Guava).</li>
 *   <li>Collection attributes get singular adders ({@code addCandidate(..)}).</li>
 *   <li>No {@code @Generated} annotation is copied from the classpath (keeps jars free of
 *       {@code javax.annotation}).</li>
 * </ul>
 *
 * <p>This source file lives in {@code build-support/} and is compiled into each module that lists
 * {@code build-helper-maven-plugin} (see the parent POM); it has class retention and is excluded from
 * the jars, so it costs users nothing at run time.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = true,
    depluralize = true,
    defaultAsDefault = true,
    allowedClasspathAnnotations = {Override.class})
public @interface TradeoffStyle {}
