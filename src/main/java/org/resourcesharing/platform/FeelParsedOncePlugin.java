package org.resourcesharing.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Decision tables evaluated with Camunda's FEEL engine, each expression parsed once instead of at every evaluation:
 * parsing was two thirds of evaluating the lender-selection table, and Camunda's {@link ScalaFeelEngine} keeps no
 * parsed expression. A parsed expression is an immutable syntax tree, so one serves every thread. Everything else is
 * Camunda's own: the same value mappers, custom functions and errors, external functions disabled.
 */
@Component
public class FeelParsedOncePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // the engine hands its custom function providers to this configuration before the FEEL engine is made
        dmn.setFeelEngineFactory(() -> new ParsingOnceScalaFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class ParsingOnceScalaFeelEngine extends ScalaFeelEngine {

        ParsingOnceScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        FeelEngine feel() {
            return feelEngine;
        }

        /** As Camunda builds it (external functions disabled), with the parsing remembered. */
        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, ValueMapper.CompositeValueMapper valueMapper) {
            return new ParsingOnce(functions, valueMapper);
        }
    }

    /** The FEEL engine, which parses through these two methods before every evaluation of a text. */
    static final class ParsingOnce extends FeelEngine {

        /** Tables hold a few hundred expressions; a bound all the same, should texts keep changing. */
        private static final int MAX_REMEMBERED = 10_000;

        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

        ParsingOnce(CustomFunctionTransformer functions, ValueMapper valueMapper) {
            super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String text) {
            return remembered(unaryTests, text, super::parseUnaryTests);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String text) {
            return remembered(expressions, text, super::parseExpression);
        }

        private static Either<FeelEngine.Failure, ParsedExpression> remembered(Map<String, Either<FeelEngine.Failure, ParsedExpression>> parsed,
                String text, Function<String, Either<FeelEngine.Failure, ParsedExpression>> parse) {
            Either<FeelEngine.Failure, ParsedExpression> known = parsed.get(text);
            if (known != null) {
                return known;
            }
            if (parsed.size() >= MAX_REMEMBERED) {
                parsed.clear();
            }
            Either<FeelEngine.Failure, ParsedExpression> result = parse.apply(text);
            parsed.put(text, result);
            return result;
        }
    }
}
