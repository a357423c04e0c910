/**
 * The registry's storage: one schema through versioned migrations, on embedded H2 (file) by default or
 * PostgreSQL by configuration, and the repositories the registry service reads and writes.
 */
@Version("2.4.0")
package org.regdesk.server.store;

import org.osgi.annotation.versioning.Version;
