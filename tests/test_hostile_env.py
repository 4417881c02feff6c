"""Hostile environments and files in the way, as a user meets them (issue 16 items 1, 2, 7, 9): nothing the
user has is overwritten, and the user's own environment (a folder in the way, a full disk, a read-only
folder, a closed stdout) is exit 2 with the path and the reason — never "a bug in weiquan" (exit 3)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import BASE_CASE, run_cli, weiquan_cmd

AS_OF = ("--as-of", "2025-09-01")


def case_file(tmp_path: Path, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(BASE_CASE, allow_unicode=True), encoding="utf-8")
    return path


def answers_file(tmp_path: Path, letters: object) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({**BASE_CASE, "letters": letters}, allow_unicode=True), encoding="utf-8")
    return path


def no_bug(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode in (1, 2), (run.returncode, run.stderr)
    assert "缺陷" not in run.stderr and "Traceback" not in run.stderr


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted at `where` (root only; skipped where the machine does not allow it)."""
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


# --- item 1: letters: entries of an answers file ---------------------------------------------------

def test_a_letter_entry_never_overwrites_the_case_just_saved(tmp_path: Path) -> None:
    answers_file(tmp_path, [{"file": "case3.yaml", "format": "md"}])
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "case3.yaml", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "letters[0].file: case3.yaml 就是保存的案件文件" in run.stderr
    assert not (tmp_path / "case3.yaml").exists()  # refused before anything was written


def test_a_letter_entry_never_overwrites_the_answers_file_even_with_force(tmp_path: Path) -> None:
    answers = answers_file(tmp_path, [{"file": "answers.yaml", "format": "md"}])
    before = answers.read_bytes()
    run = run_cli("ask", "--answers", "answers.yaml", "--force", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "letters[0].file: answers.yaml 就是答案文件" in run.stderr
    assert answers.read_bytes() == before


def test_a_letter_entry_does_not_replace_an_existing_file_without_force(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("my own notes\n", encoding="utf-8")
    answers_file(tmp_path, [{"file": "mine.md"}])
    run = run_cli("ask", "--answers", "answers.yaml", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "letters[0].file: 文件 mine.md 已存在；如要覆盖请加 --force" in run.stderr
    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "my own notes\n"
    assert not (tmp_path / "weiquan-case.yaml").exists()
    forced = run_cli("ask", "--answers", "answers.yaml", "--force", *AS_OF, cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "mine.md").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("file", [None, "", "  "])
def test_a_blank_letter_name_means_the_default_name(tmp_path: Path, file: str | None) -> None:
    answers_file(tmp_path, [{"file": file, "format": "md", "kind": "complaint"}])
    run = run_cli("ask", "--answers", "answers.yaml", *AS_OF, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "weiquan-complaint-2025-09-01.md").read_text(encoding="utf-8").startswith("# ")
    assert not (tmp_path / "None").exists()


def test_letters_that_is_not_a_list_is_bad_input(tmp_path: Path) -> None:
    answers_file(tmp_path, 5)
    run = run_cli("ask", "--answers", "answers.yaml", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "letters: 应为列表" in run.stderr


# --- item 2: --save and -o never replace what is there ---------------------------------------------

def test_ask_answers_never_overwrites_an_existing_save_file(tmp_path: Path) -> None:
    answers_file(tmp_path, [])
    precious = tmp_path / "precious.yaml"
    precious.write_text("# half a case\n", encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "precious.yaml", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "precious.yaml 已存在" in run.stderr
    assert precious.read_text(encoding="utf-8") == "# half a case\n"


def test_a_dangling_symlink_given_to_o_is_not_replaced_without_force(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    link = tmp_path / "letter.md"
    link.symlink_to(tmp_path / "nowhere.md")
    run = run_cli("letter", str(case), "-o", str(link), *AS_OF)
    no_bug(run)
    assert "（一个符号链接） 已存在；如要覆盖请加 --force" in run.stderr
    assert link.is_symlink() and not link.exists()


# --- item 7: the environment is not a bug ----------------------------------------------------------

def test_o_naming_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    (tmp_path / "out").mkdir()
    for extra in ((), ("--force",)):
        run = run_cli("letter", str(case), "-o", str(tmp_path / "out"), *AS_OF, *extra)
        no_bug(run)
        assert f"{tmp_path / 'out'} 是一个目录" in run.stderr


def test_save_naming_a_folder_is_refused(tmp_path: Path) -> None:
    answers_file(tmp_path, [])
    (tmp_path / "out").mkdir()
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "out", *AS_OF, cwd=tmp_path)
    no_bug(run)
    assert "out 已存在" in run.stderr


def test_a_name_too_long_and_proc_are_named_with_the_reason(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    run = run_cli("letter", str(case), "-o", str(tmp_path / ("长" * 100 + ".md")), *AS_OF, "--lang", "en")
    no_bug(run)
    assert "file name too long (303 bytes, at most 255)" in run.stderr
    proc = run_cli("letter", str(case), "-o", "/proc/weiquan-letter.md", *AS_OF)
    no_bug(proc)
    assert "无法写入 /proc/weiquan-letter.md：" in proc.stderr
    ok = run_cli("letter", str(case), "-o", str(tmp_path / ("a" * 250 + ".md")), *AS_OF)
    assert ok.returncode == 0, ok.stderr  # a long but legal name works: the temporary file's name is short


def test_a_read_only_folder_is_named_and_the_old_file_kept(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    with tmpfs(tmp_path / "ro", "ro,size=1m") as ro:
        run = run_cli("letter", str(case), "-o", str(ro / "letter.md"), *AS_OF)
        no_bug(run)
        assert f"无法写入 {ro / 'letter.md'}：所在的文件系统是只读的" in run.stderr


def test_a_full_disk_is_named_and_the_old_file_kept(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    with tmpfs(tmp_path / "full", "size=64k") as full:
        old = full / "letter.pdf"
        old.write_bytes(b"%PDF old")
        run = run_cli("letter", str(case), "-f", "pdf", "-o", str(old), "--force", *AS_OF, "--lang", "en")
        no_bug(run)
        assert f"cannot write {old}: No space left on device" in run.stderr
        assert old.read_bytes() == b"%PDF old" and os.listdir(full) == ["letter.pdf"]


def test_a_closed_stdout_or_dev_full_is_said_plainly(tmp_path: Path) -> None:
    case = case_file(tmp_path)
    cmd = [*weiquan_cmd(), "assess", str(case), *AS_OF]
    closed = subprocess.run(cmd, stdout=None, stderr=subprocess.PIPE, text=True, timeout=120,
                            preexec_fn=lambda: os.close(1))
    assert closed.returncode == 2 and "标准输出已关闭" in closed.stderr, closed.stderr
    with open("/dev/full", "w") as devfull:
        full = subprocess.run([*cmd, "--format", "json"], stdout=devfull, stderr=subprocess.PIPE, text=True,
                              timeout=120)
    assert full.returncode == 2 and "无法写入标准输出：磁盘空间已满" in full.stderr, full.stderr
    assert "Exception ignored" not in full.stderr
    # A command that writes only a file does not need stdout at all.
    pdf = subprocess.run([*weiquan_cmd(), "letter", str(case), "-o", str(tmp_path / "x.md"), *AS_OF],
                         stderr=subprocess.PIPE, text=True, timeout=120, preexec_fn=lambda: os.close(1))
    assert pdf.returncode == 0 and (tmp_path / "x.md").exists(), pdf.stderr


def test_an_unreadable_case_file_says_which_and_why(tmp_path: Path) -> None:
    run = run_cli("assess", str(tmp_path))
    no_bug(run)
    assert f"这是一个目录，不是案件文件：{tmp_path}" in run.stderr
    missing = run_cli("assess", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert missing.returncode == 2 and f"no such file: {tmp_path / 'nope.yaml'}" in missing.stderr


# --- item 9: duplicate keys, through the CLI --------------------------------------------------------

def test_a_duplicate_key_is_refused_by_assess(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    text = yaml.safe_dump(BASE_CASE, allow_unicode=True, sort_keys=False)
    path.write_text(text.replace("  model: Band X\n", "  model: 小米手环8\n  model: 华为P50\n"), encoding="utf-8")
    run = run_cli("assess", str(path), *AS_OF)
    no_bug(run)
    lines = path.read_text(encoding="utf-8").splitlines()
    a, b = lines.index("  model: 小米手环8") + 1, lines.index("  model: 华为P50") + 1
    assert f"字段 model 出现了两次（第{a}行和第{b}行）" in run.stderr
    stdin = run_cli("assess", "-", *AS_OF, input=path.read_text(encoding="utf-8"))
    assert stdin.returncode == 2 and f"标准输入: 字段 model 出现了两次（第{a}行和第{b}行）" in stdin.stderr


# --- item 11: one version rule for answers files and case files ----------------------------------------

@pytest.mark.parametrize(("version", "ok"), [(2, True), (1, True), (True, False), (3, False)])
def test_an_answers_file_version_follows_the_case_file_rule(tmp_path: Path, version: object, ok: bool) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({**BASE_CASE, "version": version}, allow_unicode=True), encoding="utf-8")
    run = run_cli("ask", "--answers", "answers.yaml", "--save", "case.yaml", *AS_OF, cwd=tmp_path)
    if ok:
        assert run.returncode == 0, run.stderr
        assert yaml.safe_load((tmp_path / "case.yaml").read_text(encoding="utf-8"))["version"] == version
        assert run_cli("assess", str(tmp_path / "case.yaml"), *AS_OF).returncode == 0
    else:
        no_bug(run)
        assert "  - version: 值 " in run.stderr and not (tmp_path / "case.yaml").exists()
