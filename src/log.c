/* log: a file log and a queue of messages for stderr.  Under curses
 * nothing may print to the terminal, so user-facing errors wait in the
 * deferred queue until the tty is restored (newsraft's write_error). */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "buf.h"

static FILE *logfp;
static struct buf deferred;

int
log_open(const char *path)
{
	if (!path)
		return -1;
	log_close();
	logfp = fopen(path, "a");
	if (!logfp)
		return -1;
	setvbuf(logfp, NULL, _IOLBF, 0);
	return 0;
}

void
log_close(void)
{
	if (logfp)
		fclose(logfp);
	logfp = NULL;
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const names[] = {"debug", "info", "warn", "error"};
	va_list ap;

	if (!logfp)
		return;
	time_t t = time(NULL);
	struct tm tm;
	char ts[32];
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(logfp, "%s %s ", ts, names[level]);
	va_start(ap, fmt);
	vfprintf(logfp, fmt, ap);
	va_end(ap);
	fputc('\n', logfp);
}

void
log_defer(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)buf_vappendf(&deferred, fmt, ap);
	va_end(ap);
	(void)buf_putc(&deferred, '\n');
}

void
log_flush_deferred(void)
{
	if (deferred.len)
		fputs(deferred.p, stderr);
	buf_fini(&deferred);
}
