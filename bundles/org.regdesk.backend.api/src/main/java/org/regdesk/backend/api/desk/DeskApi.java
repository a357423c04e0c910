package org.regdesk.backend.api.desk;

import org.osgi.annotation.versioning.ProviderType;
import org.regdesk.backend.api.RegistryException;

/**
 * The registry's desk API ({@code /api/v1/...}) as the connector reaches it: this desk's certificate
 * (mutual TLS), the signed-in operator's token, strict JSON, refusals as {@link RegistryException} with
 * the problem's code and parameters. An operation bundle that brings its own server routes calls them
 * through this, so a new operation needs no change to the connector.
 */
@ProviderType
public interface DeskApi {

    /** GET {@code /api/v1/<path>}; {@code path} is relative (e.g. {@code desk-sessions/<id>/example}), no "..". */
    <T> T get(String path, Class<T> answer) throws RegistryException;

    /** POST {@code body} as JSON to {@code /api/v1/<path>}. */
    <T> T post(String path, Object body, Class<T> answer) throws RegistryException;
}
