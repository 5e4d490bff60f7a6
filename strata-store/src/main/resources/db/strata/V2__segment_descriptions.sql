-- A segment's plain-words description (what a persona or a template rule stands for); optional.
ALTER TABLE segments ADD COLUMN description TEXT;
