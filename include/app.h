/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_APP_H
#define WIREDESK_APP_H

enum app_mode {
	APP_DASHBOARD,
	APP_DUMP,
	APP_PARSE,
	APP_IMPORT_OPML,
	APP_EXPORT_OPML,
};

struct app_opts {
	enum app_mode mode;
	const char *feeds_path;	 /* NULL: the XDG default */
	const char *config_path; /* NULL: the XDG default */
	const char *db_path;	 /* NULL: the XDG default (dashboard only) */
	char *const *files;	 /* --parse files, --import-opml file */
	int nfiles;
	int use_db; /* --dump --db: read and write the database */
};

/* Runs one mode; returns the exit status: 0 success, 1 some feeds
 * failed, 2 usage or configuration error. */
int app_run(const struct app_opts *opts);

#endif
