/* SPDX-License-Identifier: MIT */
#ifndef WIREDESK_OUTLET_H
#define WIREDESK_OUTLET_H

/* The short name of an outlet, for a column of a few characters: "BBC",
 * "Daily Mail", "NYT", "LA Times", not "CNN.com - RSS Channel - App
 * International Edition" or "Articles | Mail Online".
 *
 * title is the feed's own title (may be NULL); url is where the outlet
 * lives: the feed's http(s) URL, else the site link the feed gives (may
 * be NULL).  The title is split at its separators (" - ", " | ", " > ",
 * " / ", ": ") and the part that names the outlet is kept: the one that
 * matches the host name (cnn.com, dailymail.co.uk, smh.com.au: "SMH" is
 * "Sydney Morning Herald" by its initials; "Times of India" is
 * indiatimes in another order), else one written like a name
 * of its own (an acronym, a domain); words such as "News", "Online",
 * "RSS" and domain endings go.  A part that is only a piece of the host
 * name ("Mail" of dailymail) or a long one gives way to the host name
 * split into its words ("Daily Mail", "NZ Herald", "LA Times"); a title
 * with no such part (a section's, "California") gives way to it too.
 * An IP address is no host name.  Without title or host, NULL.  Caller frees
 * the result. */
char *outlet_name(const char *title, const char *url);

/* Which outlet an http(s) feed URL belongs to, as a key two feeds of one
 * outlet share: the host's registered domain by the Public Suffix List,
 * lower case ("bbci.co.uk" for feeds.bbci.co.uk/news/world/rss.xml and
 * .../news/rss.xml; "beehive.govt.nz", not "govt.nz"), or on a
 * host that serves many publishers under their own subdomains, the
 * publisher's ("name.substack.com").  NULL where the host does not say
 * whose feed it is: not http(s), an IP address, a service that tells its
 * publishers apart by the path (feeds.feedburner.com/TechCrunch,
 * youtube.com).  outlet_name treats those hosts alike: on a service's
 * host, the name comes from the title.  Caller frees the result. */
char *outlet_key(const char *url);

#endif
