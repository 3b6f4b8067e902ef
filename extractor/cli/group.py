"""How `extract` parses and explains itself: a Typer group whose default command is `run`,
help that names arguments as they are typed, and usage errors as one plain line."""
from __future__ import annotations

import inspect
import sys
from typing import Any, Optional

from typer.core import TyperCommand, TyperGroup

try:  # Typer 0.2x carries its own copy of Click; its exceptions and contexts are those
    from typer import _click as click
except ImportError:  # pragma: no cover - older Typer runs on Click itself
    import click

DEFAULT_COMMAND = "run"
UsageError = click.exceptions.UsageError


def error(message: str) -> None:
    """One error line on stderr."""
    print(f"error: {message}", file=sys.stderr, flush=True)


def _is_argument(param: Any) -> bool:
    return param.param_type_name == "argument"


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


def _param_name(param: Any) -> str:
    if _is_argument(param):
        return param.metavar or param.name.upper()
    return max(param.opts, key=len)


def _write_rows(formatter: Any, title: str, rows: list) -> None:
    if rows:
        with formatter.section(title):
            formatter.write_dl(rows)


def _argument_rows(command: Any, ctx: Any) -> list:
    return [(_argument_name(p), p.help or "") for p in command.get_params(ctx) if _is_argument(p) and not p.hidden]


def _option_rows(command: Any, ctx: Any) -> list:
    records = (p.get_help_record(ctx) for p in command.get_params(ctx) if not _is_argument(p))
    return [record for record in records if record]


class Command(TyperCommand):
    """A command whose help shows an argument as it is typed (PATH..., never PATH <list[str]>)."""

    def collect_usage_pieces(self, ctx: Any) -> list:
        """[OPTIONS] and the arguments by name."""
        arguments = [_argument_name(p) for p in self.get_params(ctx) if _is_argument(p)]
        return [self.options_metavar or "", *arguments]

    def parse_args(self, ctx: Any, args: list) -> list:
        """Click's parsing, with arguments beyond the last one reported in plain words."""
        ctx.allow_extra_args = True
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:
            raise UsageError(f"unexpected argument{'s' if len(ctx.args) > 1 else ''}: {' '.join(ctx.args)}", ctx)
        return rest

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """Arguments, then options."""
        _write_rows(formatter, "Arguments", _argument_rows(self, ctx))
        _write_rows(formatter, "Options", _option_rows(self, ctx))

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        """The epilog as a section of its own, at the margin of "Options:" rather than indented under it."""
        if self.epilog:
            formatter.write_paragraph()
            formatter.write_text(inspect.cleandoc(self.epilog))


class DefaultGroup(TyperGroup):
    """A group that runs DEFAULT_COMMAND when the first argument names no subcommand,
    so `extract PATH...` means `extract run PATH...`, and that reports usage errors in plain words."""

    def parse_args(self, ctx: Any, args: list) -> list:
        """The group's arguments, with DEFAULT_COMMAND put first when no subcommand is named."""
        own = {name for p in self.get_params(ctx) for name in (*p.opts, *p.secondary_opts)}
        if not args or (args[0] not in self.commands and args[0] not in own):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def main(self, args: Any = None, prog_name: Optional[str] = None, complete_var: Optional[str] = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Run the command line; a usage error is one `error: ...` line on stderr and exit status 2."""
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageError as err:
            error(usage_message(err))
            status = err.exit_code
        except click.ClickException as err:
            error(err.format_message())
            status = err.exit_code
        if not standalone_mode:
            return status
        sys.exit(status if isinstance(status, int) else 0)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The default command's help under the group's name, with every subcommand listed."""
        default = self.commands[DEFAULT_COMMAND]
        default_ctx = default.context_class(default, info_name=DEFAULT_COMMAND, parent=ctx)
        for number, name in enumerate(self.list_commands(ctx)):
            command = self.commands[name]
            sub_ctx = command.context_class(command, info_name=name, parent=ctx)
            usage = " ".join(piece for piece in command.collect_usage_pieces(sub_ctx) if piece)
            formatter.write_usage(ctx.command_path, f"[{name}] {usage}" if name == DEFAULT_COMMAND else f"{name} {usage}",
                                  prefix=None if number == 0 else "   or: ")
        default.format_help_text(default_ctx, formatter)
        self.format_commands(ctx, formatter)
        _write_rows(formatter, "Arguments", _argument_rows(default, default_ctx))
        own = _option_rows(self, ctx)
        shared = {name for name, _ in own}
        _write_rows(formatter, "Options", [row for row in _option_rows(default, default_ctx) if row[0] not in shared] + own)
        default.format_epilog(default_ctx, formatter)


def _help_command(ctx: Any) -> str:
    """The command whose -h explains the error: the group's for the default command."""
    if ctx is None:
        return "extract"
    if ctx.info_name == DEFAULT_COMMAND and ctx.parent is not None:
        return ctx.parent.command_path
    return ctx.command_path


def _plain(message: str) -> str:
    message = message.rstrip(".")
    return message[:1].lower() + message[1:]


def _either(names: list) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def usage_message(err: Any) -> str:
    """A usage error in plain words, naming the option or argument it is about."""
    exceptions = click.exceptions
    param = getattr(err, "param", None)
    if isinstance(err, exceptions.MissingParameter) and param is not None:
        what = f" ({_plain(param.help)})" if getattr(param, "help", None) else ""
        return f"missing {_param_name(param)}{what}; see {_help_command(err.ctx)} -h"
    if isinstance(err, exceptions.BadParameter) and param is not None:
        return f"{_param_name(param)}: {err.message}"
    if isinstance(err, exceptions.NoSuchOption):
        guess = f" (did you mean {_either(sorted(err.possibilities))}?)" if err.possibilities else ""
        return f"{err.option_name}: no such option{guess}; see {_help_command(err.ctx)} -h"
    if isinstance(err, exceptions.BadOptionUsage):
        problem = _plain(err.message.replace(f"Option {err.option_name!r} ", ""))
        return f"{err.option_name}: {problem.replace('requires an argument', 'needs a value')}"
    return _plain(err.message)
