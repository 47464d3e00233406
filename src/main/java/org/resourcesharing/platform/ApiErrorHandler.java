package org.resourcesharing.platform;

import java.util.List;

import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refused API request gets the same answer: HTTP 400 and, for each field, what is wrong with it. */
@RestControllerAdvice
class ApiErrorHandler {

    record ErrorResponse(List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse invalid(InvalidRequestException invalid) {
        return new ErrorResponse(invalid.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse invalid(MethodArgumentNotValidException invalid) {
        return new ErrorResponse(invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse unreadable(HttpMessageNotReadableException unreadable) {
        return new ErrorResponse(List.of(new FieldError("body", "not readable as the expected JSON: "
                + unreadable.getMostSpecificCause().getMessage().lines().findFirst().orElse(""))));
    }
}
