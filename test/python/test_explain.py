"""The plain-language help under a traceback: each error kind beginners hit, with their own names in it."""

import sandpit_explain
from conftest_support import run


def help_for(code, stdin=None):
    outcome = run(code, stdin=stdin)
    assert outcome["kind"] == "raised", outcome
    return outcome["error"]["explanation"]


def test_a_misspelt_builtin_is_named_with_what_was_meant():
    text = help_for('prnt("hello")\n')
    assert "Line 1" in text and "prnt" in text and "Did you mean print?" in text


def test_a_misspelt_variable_is_matched_against_the_learners_own_names():
    text = help_for("total_score = 3\nprint(total_scor + 1)\n")
    assert "Line 2" in text and "total_scor" in text and "Did you mean total_score?" in text


def test_a_name_in_the_wrong_case_suggests_the_right_case():
    assert "Did you mean True?" in help_for("done = true\n")


def test_an_unknown_name_without_a_neighbour_says_to_assign_it_or_quote_it():
    text = help_for("print(greeting)\n")
    assert "greeting = 0" in text and '"greeting"' in text


def test_a_module_used_without_import_says_to_import_it():
    assert "import math" in help_for("print(math.sqrt(4))\n")


def test_a_local_read_before_its_assignment_names_the_function():
    code = "count = 0\ndef add():\n    count = count + 1\nadd()\n"
    text = help_for(code)
    assert "Line 3" in text and "count" in text and "add()" in text and "local" in text


def test_text_plus_a_number_names_both_operands_and_both_fixes():
    text = help_for('age = 12\nprint("Age: " + age)\n')
    assert "Line 2" in text and "'Age: ' and age" in text
    assert "str(...)" in text and "int(...)" in text


def test_a_number_plus_text_is_the_same_mistake():
    text = help_for('n = input()\nprint(n + 1)\n', stdin={"lines": ["4"], "whenExhausted": "eof"})
    assert "n and 1" in text and "int(...)" in text


def test_comparing_input_with_a_number_points_at_int():
    text = help_for('guess = "5"\nif guess > 3:\n    pass\n')
    assert "Line 2" in text and "guess and 3" in text and "int(...)" in text


def test_calling_a_number_explains_the_missing_operator():
    text = help_for("x = 3\nprint(2(x + 1))\n")
    assert "Line 2" in text and "2 is a whole number" in text and "2 * (x + 1)" in text


def test_wrong_argument_counts_name_the_function():
    too_many = help_for("def greet(name):\n    print(name)\ngreet('Ada', 'Bob')\n")
    assert "greet() with 2 arguments" in too_many and "takes 1" in too_many
    missing = help_for("def greet(name):\n    print(name)\ngreet()\n")
    assert "greet()" in missing and "'name'" in missing


def test_indentation_errors_say_which_block_and_line():
    text = help_for("if True:\nprint('x')\n")
    assert "'if' statement on line 1" in text and "line 2" in text
    assert "indented further" in help_for("x = 1\n    y = 2\n")
    assert "no line above it uses" in help_for("if True:\n        x = 1\n    y = 2\n")


def test_mixed_tabs_and_spaces_is_told_apart():
    assert "tabs and spaces" in help_for("if True:\n        x = 1\n\ty = 2\n")


def test_the_common_syntax_errors_each_get_their_own_help():
    assert "colon" in help_for("if 3 > 2\n    print('yes')\n")
    assert "( opened on line 1 is never closed" in help_for("print('a'\n")
    assert "quote" in help_for("print('hello)\n")
    assert "==" in help_for("x = 1\nif x = 1:\n    pass\n")
    assert 'print("hello")' in help_for('print "hello"\n')
    assert "curly quote" in help_for("print(“hi”)\n")


def test_an_index_past_the_end_gives_the_lists_size():
    text = help_for("items = [1, 2, 3]\ni = 3\nprint(items[i])\n")
    assert "Line 3" in text and "items" in text and "position i" in text and "3 items, at positions 0 to 2" in text


def test_a_missing_key_names_the_dictionary_and_a_near_key():
    text = help_for("ages = {'bob': 12}\nprint(ages['Bob'])\n")
    assert "'Bob'" in text and "ages" in text and "It does have 'bob'" in text and "ages.get('Bob')" in text


def test_int_of_text_that_is_not_a_number_quotes_the_text():
    text = help_for("n = int('twelve')\n")
    assert "int()" in text and "'twelve'" in text
    assert "float(...)" in help_for("n = int('1.5')\n")
    assert "'abc'" in help_for("n = float('abc')\n")


def test_a_misspelt_method_suggests_the_real_one():
    text = help_for("name = 'ada'\nprint(name.uper())\n")
    assert "Line 2" in text and ".uper" in text and "Did you mean .upper?" in text


def test_a_method_from_another_language_gets_its_python_name():
    assert "Python's name for it is .append." in help_for("x = [1]\nx.push(2)\n")
    assert "Did you mean .sqrt?" in help_for("import math\nmath.sqr(4)\n")


def test_changing_a_letter_of_text_says_text_cannot_change():
    assert "can't be changed once made" in help_for('word = "cat"\nword[0] = "b"\n')


def test_an_attribute_of_none_explains_where_none_comes_from():
    text = help_for("numbers = [3, 1].sort()\nnumbers.append(2)\n")
    assert "None" in text and "sort()" in text


def test_dividing_by_zero_names_the_divisor():
    text = help_for("total = 10\ncount = 0\nprint(total / count)\n")
    assert "Line 3" in text and "divides by count" in text and "if count != 0:" in text


def test_endless_recursion_names_the_function():
    text = help_for("def countdown(n):\n    return countdown(n - 1)\ncountdown(3)\n")
    assert "countdown() kept calling itself" in text


def test_errors_we_do_not_explain_have_no_help_and_keep_their_traceback():
    outcome = run("raise RuntimeError('mine')\n")
    assert outcome["error"]["explanation"] is None
    assert outcome["error"]["traceback"].endswith("RuntimeError: mine\n")


def test_a_learners_object_is_never_asked_to_describe_itself():
    code = (
        "class Sneaky:\n"
        "    def __repr__(self):\n"
        "        raise SystemExit('repr ran')\n"
        "    def __len__(self):\n"
        "        raise SystemExit('len ran')\n"
        "    def __getitem__(self, key):\n"
        "        raise KeyError(self)\n"
        "box = Sneaky()\n"
        "box['x']\n"
    )
    outcome = run(code)
    assert outcome["error"]["type"] == "KeyError"
    assert outcome["error"]["explanation"] is None


def test_a_learners_own_exception_class_is_not_explained():
    code = "class Odd(NameError):\n    @property\n    def name(self):\n        raise SystemExit\nraise Odd()\n"
    outcome = run(code)
    assert outcome["error"]["type"] == "Odd"
    assert outcome["error"]["explanation"] is None


def test_a_module_level_dir_is_never_called_for_a_suggestion():
    outcome = run(
        "import math\nmod = type(math)('mine')\nmod.value = 1\n"
        "def trap():\n    raise SystemExit('dir ran')\nmod.__dir__ = trap\nmod.valeu\n"
    )
    assert outcome["error"]["type"] == "AttributeError"
    assert "Did you mean .value?" in outcome["error"]["explanation"]


def test_help_is_never_longer_than_its_limit():
    name = "x" * 5000
    text = help_for(f"print({name})\n")
    assert len(text) <= sandpit_explain.MAX_CHARS
