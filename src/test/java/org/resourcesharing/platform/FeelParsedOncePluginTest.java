package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.FeelParsedOncePlugin.ParsingOnceScalaFeelEngine;
import org.resourcesharing.testsupport.TestProcessEngine;

/** Camunda's FEEL engine with each text parsed once: the same answers, the same errors, and one parse per text. */
class FeelParsedOncePluginTest {

    private final ParsingOnceScalaFeelEngine feel = new ParsingOnceScalaFeelEngine(List.of());

    @Test
    void eachUnaryTestIsParsedOnceAndEvaluatedAgainstEveryInput() {
        assertThat(feel.evaluateSimpleUnaryTests("[1..5], 9", "tier", input("tier", 3))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("[1..5], 9", "tier", input("tier", 7))).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests("[1..5], 9", "tier", input("tier", 9))).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("not(\"CA\")", "country", input("country", "US"))).isTrue();
        assertThat(feel.feel().parseUnaryTests("[1..5], 9")).isSameAs(feel.feel().parseUnaryTests("[1..5], 9"));
    }

    @Test
    void expressionsAreParsedOnceAndSeeEachEvaluationsVariables() {
        assertThat((Object) feel.evaluateSimpleExpression("weeks * 7", input("weeks", 4))).isEqualTo(28L);
        assertThat((Object) feel.evaluateSimpleExpression("weeks * 7", input("weeks", 2))).isEqualTo(14L);
        assertThat(feel.feel().parseExpression("weeks * 7")).isSameAs(feel.feel().parseExpression("weeks * 7"));
    }

    @Test
    void aTextThatDoesNotParseFailsAtEveryEvaluationAsWithCamundasEngine() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("[1..", "tier", input("tier", 3))).isInstanceOf(FeelException.class)
                    .hasMessageContaining("[1..");
        }
    }

    @Test
    void theEnginesDecisionTablesUseIt() {
        ProcessEngine engine = TestProcessEngine.get();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsingOnceScalaFeelEngine.class);
    }

    private static VariableContext input(String name, Object value) {
        return Variables.createVariables().putValue(name, value).asVariableContext();
    }
}
