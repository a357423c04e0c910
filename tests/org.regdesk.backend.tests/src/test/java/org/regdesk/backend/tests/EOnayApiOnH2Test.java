package org.regdesk.backend.tests;

/** E-Onay on the embedded H2 database. */
class EOnayApiOnH2Test extends EOnayApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
