/**
 * Rich forms of Catapult values for notebooks, shared by the Jupyter kernel and the CPython
 * package: plots as PNG bytes, tables as HTML, and the MIME bundle of any value.
 */
package catapult.display;
