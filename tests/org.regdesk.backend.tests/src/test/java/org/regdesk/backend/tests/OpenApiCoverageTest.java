package org.regdesk.backend.tests;

class OpenApiCoverageTest {
}
