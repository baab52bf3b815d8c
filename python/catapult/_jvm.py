"""Finding the Catapult jars and starting the JVM (once per Python process) through JPype.

The jars come from a built clone of the repository, looked up in this order: the CATAPULT_HOME
environment variable, the clone recorded when this package was installed with pip, and the clone
this package sits in (when used uninstalled with PYTHONPATH=python).
"""
import os
import sys
from pathlib import Path

MODULES = ("grammar", "interpreter", "stdlib", "polyglot", "repl", "jupyter")


class CatapultNotFound(ImportError):
    """The Catapult clone or its build output cannot be found; the message says what to do."""


def _recorded_clone():
    try:
        from . import _home
    except ImportError:
        return None
    return _home.CLONE


def _candidates():
    env = os.environ.get("CATAPULT_HOME")
    if env:
        return [("CATAPULT_HOME", Path(env))]
    out = []
    recorded = _recorded_clone()
    if recorded:
        out.append(("the clone recorded at install", Path(recorded)))
    out.append(("the clone this package is in", Path(__file__).resolve().parent.parent.parent))
    return out


def find_home():
    """The root of a Catapult clone (it has jupyter/pom.xml), or CatapultNotFound."""
    tried = []
    for why, path in _candidates():
        if (path / "jupyter" / "pom.xml").is_file():
            return path
        tried.append(f"{path} ({why})")
    raise CatapultNotFound(
        "cannot find the Catapult repository (looked at " + ", ".join(tried) + "); "
        "set CATAPULT_HOME to your clone of it")


def class_path(home):
    """Each module's classes, then the dependency jars Maven resolved for the jupyter module."""
    listing = home / "jupyter" / "target" / "classpath.txt"
    if not listing.is_file():
        raise CatapultNotFound(
            f"Catapult in {home} is not built (no {listing.relative_to(home)}): build it with "
            f"`{home / 'catapult'} --version` or `mvn -B -DskipTests package` in {home}, then try again")
    entries = [str(home / m / "target" / "classes") for m in MODULES if (home / m / "target" / "classes").is_dir()]
    entries += [e for e in listing.read_text().strip().split(os.pathsep) if e]
    return entries


def _jpype_support_jar(jpype):
    """Debian's python3-jpype keeps JPype's own jar in /usr/share/java, where JPype does not look."""
    module_dir = Path(jpype.__file__).resolve().parent.parent
    if (module_dir / "org.jpype.jar").is_file():
        return []
    for name in (f"org.jpype-{jpype.__version__}.jar", "org.jpype.jar"):
        jar = Path("/usr/share/java") / name
        if jar.is_file():
            return [str(jar)]
    return []


def start():
    """Starts the JVM with the Catapult class path unless it is running; returns the jpype module."""
    import jpype

    if jpype.isJVMStarted():
        try:
            jpype.JClass("catapult.cpython.CPythonHost")
        except TypeError as e:
            raise CatapultNotFound(
                "a JVM was started in this process without Catapult on its class path; "
                "import catapult and create a Session before other JPype users start the JVM") from e
        return jpype
    home = find_home()
    # ND4J's OpenMP threads: two of them can be 30x slower than one on a 2-core machine; the
    # `catapult` launcher sets the same default. An explicit setting wins.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    # -Xrs leaves SIGINT to Python, so Ctrl-C raises KeyboardInterrupt instead of ending the JVM;
    # the Session turns it into an interrupt of the running evaluation.
    jpype.startJVM("-Xrs", "-Djava.awt.headless=true",
                   "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                   "-Dpolyglot.engine.WarnInterpreterOnly=false",
                   f"-Dcatapult.home={home}",
                   classpath=class_path(home) + _jpype_support_jar(jpype),
                   interrupt=True, convertStrings=False)
    _bundled_blas_first(jpype)
    return jpype


def _bundled_blas_first(jpype):
    """Makes ND4J's OpenBLAS win symbol lookups over a system one numpy may have loaded.

    Debian's numpy loads the system OpenBLAS, whose soname (libopenblas.so.0) is also that of the
    build ND4J bundles; the dynamic linker then binds ND4J's calls to the system library, which
    lacks the LAPACKE functions, and the process dies on the first eigen-solver call. Loading
    ND4J's build into the global symbol scope before ND4J runs makes its definitions found first.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    try:
        loader = jpype.JClass("org.bytedeco.javacpp.Loader")
        jni = Path(str(loader.load(jpype.JClass("org.bytedeco.openblas.global.openblas"))))
    except Exception:  # noqa: BLE001 - another BLAS backend; nothing to arrange
        return
    bundled = jni.parent / "libopenblas.so.0"
    if bundled.is_file():
        ctypes.CDLL(str(bundled), mode=os.RTLD_GLOBAL)
