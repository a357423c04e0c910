/**
 * A maintained JDBC connection pool (HikariCP, kept private in this bundle): connections validated on
 * borrow, retired after a maximum lifetime, and reported when a request holds one too long.
 */
@Version("1.0.0")
package org.regdesk.server.store.pool;

import org.osgi.annotation.versioning.Version;
