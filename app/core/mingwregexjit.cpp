// Linked into every program and test of the MinGW build (CMake adds it only there).
//
// Qt 6.4's QRegularExpression keeps a JIT stack per thread in a `thread_local std::unique_ptr`
// that is registered on the first JIT match of a thread. With GCC's emulated TLS on MinGW, a
// thread's TLS block is freed by one winpthreads key destructor and the thread_local destructors
// run from another; the TLS block goes first, so ~unique_ptr reads freed memory and frees a
// garbage pointer (GCC PR 80816, mingw-w64 bug 527). A thread that served HTTP (QHttpServer's
// router matches paths with QRegularExpression) then faults in its thread-exit callback, which
// leaves winpthreads' key lock held and the process hangs in libstdc++'s DLL_PROCESS_DETACH.
// Without the JIT, Qt never touches that thread_local, so nothing is registered. The patterns
// here are short (routes, field checks): the interpreter is fast enough.
// An explicit QT_ENABLE_REGEXP_JIT in the environment is left alone.
#include <QByteArray>
#include <QtGlobal>

namespace {
void disableRegexJit()
{
    if (!qEnvironmentVariableIsSet("QT_ENABLE_REGEXP_JIT"))
        qputenv("QT_ENABLE_REGEXP_JIT", QByteArrayLiteral("0"));
}
} // namespace

Q_CONSTRUCTOR_FUNCTION(disableRegexJit)
