package org.regdesk.backend.tests;

/** The registry API on the embedded default database. */
class RegistryApiOnH2Test extends RegistryApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
