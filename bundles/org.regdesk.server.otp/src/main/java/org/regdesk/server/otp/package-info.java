/** The SMS gateway SPI: how the registry hands a one-time code to the citizen's phone. */
@Version("1.0.0")
package org.regdesk.server.otp;

import org.osgi.annotation.versioning.Version;
