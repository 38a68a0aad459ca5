/** `marathon-lint --help`. Kept next to args.ts in spirit: every option parsed there is listed here. */
import { supportedVersions } from '../core/profile';
import { kindNames } from './args';
import { formatNames } from './formatters/index';

export const helpText = `Usage: marathon-lint [options] <file | directory | glob | ->...

Lint Marathon app, group and pod definitions, batches of apps (the JSON array PUT /v2/apps takes)
and Chronos jobs (with external dvdi volumes).
Directories are searched for *.json (node_modules, .git and marathon-lint.config.json are skipped);
quote globs ('apps/**/*.json') so the shell does not expand them; - reads one document from stdin.
A marathon-lint.config.json named as a file (pre-commit and lint-staged name every changed file)
is checked as a config, and never linted as a definition.

Options:
  -f, --format <name>          output format: ${formatNames.join(' | ')} (default stylish)
      --kind <kind>            treat every input as: ${kindNames.join(' | ')} (default: detect;
                               apps: an array of apps, each element a partial update by its id)
      --marathon-version <v>   judge against this Marathon version: ${supportedVersions.join(', ')}
                               (overrides marathonVersion from the config file)
  -c, --config <file>          use this config for every input instead of the nearest
                               marathon-lint.config.json above each file
      --stdin-filename <path>  the file the document read from - stands for (an editor's
                               unsaved buffer): reported under that path, judged by its config,
                               and its copy on disk is not linted as well
      --marathon <url>         lint against this live Marathon (also: MARATHON_URL): its version,
                               features and roles set the profile (flags > cluster > config file >
                               defaults), and the files are placed into its deployed root group
      --marathon-token-file <file>        DC/OS token (sent as Authorization: token=...)
      --marathon-credentials-file <file>  one line user:password (HTTP basic)
      --marathon-ca <file>     PEM CA bundle for an https:// Marathon
      --marathon-timeout <s>   seconds to wait for the cluster (default 10)
      --max-warnings <n>       exit 1 when there are more than n warnings
  -q, --quiet                  report errors only (warnings still count for --max-warnings)
      --no-color               no ANSI colours (also: NO_COLOR=1); --color forces them
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
             2 usage error, unreadable input, invalid config, or a cluster that
               cannot be reached or read (one line naming the URL and the cause).

Files linted together form one proposed root group: an external volume name used by
two of them is reported as Marathon would report it, with or without --marathon.
A batch element updates the app of its id (partialUpdate defaults to true): only what it
holds is judged, unless --marathon shows that no app has that id and the element creates it.
`;
