/**
 * The registry REST API, version 1: the JSON request and response bodies under {@code /api/v1}, shared
 * by regdesk-server and the workstation's connector so both sides agree by construction. Field names
 * are the JSON names; docs/api/openapi.yaml describes the same types.
 */
@Version("2.1.0")
package org.regdesk.backend.api.v1;

import org.osgi.annotation.versioning.Version;
