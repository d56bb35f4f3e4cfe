/* main: maps the command line onto app_opts and hands over to app_run,
 * as htop.c does.  Nothing else lives here. */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

static const char usage[] =
    "usage: wiredesk [-f FEEDS] [-c CONFIG] [-d DB]   the dashboard\n"
    "       wiredesk --dump [-f FEEDS] [-c CONFIG] [--db|-d DB]\n"
    "                                                fetch all feeds once,"
    " cluster, print JSON\n"
    "       wiredesk --parse FILE...                 parse feed files,"
    " print JSON Lines\n"
    "       wiredesk --import-opml FILE [-f FEEDS]   append an OPML file's"
    " feeds\n"
    "       wiredesk --export-opml [-f FEEDS]        print the feeds as OPML\n"
    "       wiredesk --help | --version\n"
    "\n"
    "  -f, --feeds FILE   feeds file (default $XDG_CONFIG_HOME/wiredesk/feeds)\n"
    "  -c, --config FILE  config file (default $XDG_CONFIG_HOME/wiredesk/config)\n"
    "  -d, --db FILE      database (default"
    " $XDG_DATA_HOME/wiredesk/wiredesk.db)\n"
    "      --db           with --dump: also read and write the database\n"
    "                     (-d DB names it and implies --db)\n"
    "\n"
    "Exit status: 0 success, 1 some feeds failed, 2 usage or configuration"
    " error.\n"
    "See wiredesk(1) for the keys, the feeds file and the config file.\n";

int
main(int argc, char **argv)
{
	enum { OPT_DUMP = 256, OPT_PARSE, OPT_IMPORT, OPT_EXPORT, OPT_VERSION };
	static const struct option longopts[] = {
		{"feeds", required_argument, NULL, 'f'},
		{"config", required_argument, NULL, 'c'},
		{"db", optional_argument, NULL, 'd'},
		{"dump", no_argument, NULL, OPT_DUMP},
		{"parse", no_argument, NULL, OPT_PARSE},
		{"import-opml", no_argument, NULL, OPT_IMPORT},
		{"export-opml", no_argument, NULL, OPT_EXPORT},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct app_opts o;
	int c, modes = 0;

	setlocale(LC_ALL, "");
	memset(&o, 0, sizeof(o));
	o.mode = APP_DASHBOARD;
	while ((c = getopt_long(argc, argv, "f:c:d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.feeds_path = optarg;
			break;
		case 'c':
			o.config_path = optarg;
			break;
		case 'd':
			o.use_db = 1;
			if (optarg)
				o.db_path = optarg;
			break;
		case OPT_DUMP:
			o.mode = APP_DUMP;
			modes++;
			break;
		case OPT_PARSE:
			o.mode = APP_PARSE;
			modes++;
			break;
		case OPT_IMPORT:
			o.mode = APP_IMPORT_OPML;
			modes++;
			break;
		case OPT_EXPORT:
			o.mode = APP_EXPORT_OPML;
			modes++;
			break;
		case 'h':
			fputs(usage, stdout);
			return 0;
		case OPT_VERSION:
			puts("wiredesk " WIREDESK_VERSION);
			return 0;
		default:
			fputs(usage, stderr);
			return 2;
		}
	}
	if (modes > 1) {
		fputs("wiredesk: choose one of --dump, --parse, --import-opml,"
		      " --export-opml\n", stderr);
		return 2;
	}
	o.files = argv + optind;
	o.nfiles = argc - optind;
	if (o.mode == APP_PARSE && o.nfiles == 0) {
		fputs("wiredesk: --parse needs at least one FILE\n", stderr);
		return 2;
	}
	if (o.mode == APP_IMPORT_OPML && o.nfiles != 1) {
		fputs("wiredesk: --import-opml needs one FILE\n", stderr);
		return 2;
	}
	if (o.mode != APP_PARSE && o.mode != APP_IMPORT_OPML && o.nfiles) {
		fprintf(stderr, "wiredesk: unexpected argument '%s'\n%s",
		    o.files[0], usage);
		return 2;
	}
	return app_run(&o);
}
