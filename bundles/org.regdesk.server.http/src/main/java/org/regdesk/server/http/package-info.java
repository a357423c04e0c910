/**
 * What a running RegDesk server tells the rest of the framework: where it listens and which
 * certificate its clients must trust. Registered by the Jetty component once it is listening.
 */
@Version("1.3.0")
package org.regdesk.server.http;

import org.osgi.annotation.versioning.Version;
