/**
 * How a registry server is allowed to start: {@link org.regdesk.server.settings.ServerMode} (production unless
 * told otherwise), secrets read from owner-only files ({@link org.regdesk.server.settings.SecretFiles}), and the
 * refusal a component raises when production lacks one of its settings. Plain Java, so
 * {@code regdesk-server check-config} runs it before any framework starts.
 */
@Version("1.0.0")
package org.regdesk.server.settings;

import org.osgi.annotation.versioning.Version;
