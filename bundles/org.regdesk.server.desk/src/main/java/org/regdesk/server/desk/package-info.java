/**
 * What a desk operation builds on, independent of HTTP: the signed-in {@link Actor}, desk sessions
 * ({@link DeskSessionService}), the audit trail ({@link AuditService}), domain {@link Refusal}s, and the
 * {@link DeskOperation} SPI through which an operation bundle declares its session purpose and who may
 * serve it. The registry core provides the services; operation bundles consume them.
 */
@Version("1.0.0")
package org.regdesk.server.desk;

import org.osgi.annotation.versioning.Version;
