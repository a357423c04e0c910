package org.regdesk.backend.api.v1;

import java.util.Map;

/**
 * Every refusal: a stable machine code the workstation switches on, the message in Turkish and English
 * ({@code message.tr}, {@code message.en}) that it can show as is, and facts such as
 * {@code details.attemptsLeft}.
 */
public record ApiError(String error, Map<String, String> message, Map<String, String> details) {
}
