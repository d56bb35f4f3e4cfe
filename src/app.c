/* app: placeholder until the pipeline lands. */
#include "app.h"

#include <stdio.h>

int
app_run(const struct app_opts *opts)
{
	(void)opts;
	fputs("wiredesk: not built yet\n", stderr);
	return 2;
}
