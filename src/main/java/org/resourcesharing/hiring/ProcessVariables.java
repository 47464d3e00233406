package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading what forms submit: numbers come as Long or Double (or text), dates as yyyy-MM-dd text, checkboxes as Boolean. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** The number, or null when missing or not a number. */
    static BigDecimal number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString().strip().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The date, or null when missing or not a yyyy-MM-dd date. */
    static LocalDate date(VariableScope scope, String name) {
        String value = text(scope, name);
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean yes ? yes : value != null && Boolean.parseBoolean(value.toString());
    }
}
