/** Helpers shared by the stdlib tests that run child JVMs. */
package catapult.testsupport;
