/* Stand-in for py.exe, python.exe and rkt-xl.exe, so that tests/test_pasang_wine.py can
   run pasang.cmd under wine's cmd without a Windows Python: it appends its command line
   to %STUB_LOG% and answers as the real program would, steered by STUB_* variables:
     STUB_PY      versions the py launcher "has" (default "3.12")
     STUB_PYTHON  what py prints as sys.executable
     STUB_CEK     exit code of the 64-bit/version check (0 = passes)
     STUB_PIP_ADA exit code of "-m pip --version"; STUB_PIP of "-m pip install" */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static const char *env(const char *n, const char *d) { const char *v = getenv(n); return v && *v ? v : d; }

int main(int argc, char **argv) {
    char self[MAX_PATH]; GetModuleFileNameA(NULL, self, MAX_PATH);
    const char *cmd = GetCommandLineA();
    FILE *log = fopen(env("STUB_LOG", "C:\\stub\\log.txt"), "a");
    if (log) { fprintf(log, "%s\n", cmd); fclose(log); }
    const char *name = strrchr(self, '\\'); name = name ? name + 1 : self;
    if (_stricmp(name, "py.exe") == 0) {
        /* argv[1] = -3.13 / -3.12 */
        if (argc > 1 && strstr(env("STUB_PY", "3.12"), argv[1] + 1)) {
            if (strstr(cmd, "sys.executable")) { printf("%s\n", env("STUB_PYTHON", "C:\\stub\\python.exe")); return 0; }
            return 0;
        }
        fprintf(stderr, "No suitable Python runtime found\n"); return 103;
    }
    if (_stricmp(name, "rkt-xl.exe") == 0) { printf("rkt-xl 0.1.0\n"); return 0; }
    /* python.exe */
    if (strstr(cmd, "struct.calcsize")) return atoi(env("STUB_CEK", "0"));
    if (strstr(cmd, "-m pip --version")) return atoi(env("STUB_PIP_ADA", "0"));
    if (strstr(cmd, "-m ensurepip")) return 0;
    if (strstr(cmd, "-m pip install")) { printf("Successfully installed rkt_xl-0.1.0\n"); return atoi(env("STUB_PIP", "0")); }
    if (strstr(cmd, "sysconfig")) { printf("C:\\stub\\Scripts\n"); return 0; }
    if (strstr(cmd, "-m rkt_xl --version")) { printf("rkt-xl 0.1.0\n"); return 0; }
    if (strstr(cmd, "-m rkt_xl baru")) {
        const char *p = argv[argc - 1];
        char dir[MAX_PATH]; strcpy(dir, p); char *s = strrchr(dir, '\\'); if (s) { *s = 0; CreateDirectoryA(dir, NULL); }
        FILE *f = fopen(p, "wb"); if (!f) return 2; fputs("PK", f); fclose(f);
        printf("Dibuat: %s\n", p); return 0;
    }
    if (strstr(cmd, "sys.executable")) { printf("%s\n", self); return 0; }
    return 9;
}
