/// The default skin compiled in, so the console looks right outside the repository; equal to `themes/default.yaml` (a test checks).
enum BuiltinThemes {
    static let defaultYAML = """
        # Keycard console skin: default, for dark terminals.
        # Roles as in k9s skins: colours are names (red, dodgerblue), 0-255, #rrggbb or default;
        # attrs: bold, reverse, dim, underline.
        keycard:
          body: { fgColor: default, bgColor: default }
          frame:
            border: { fgColor: dodgerblue }
            title: { fgColor: aqua, attrs: [bold] }
            crumb: { fgColor: black, bgColor: orange }
          status:
            succeeded: { fgColor: palegreen }
            failed: { fgColor: orangered, attrs: [bold] }
            running: { fgColor: lightskyblue }
            pending: { fgColor: gray }
            awaiting: { fgColor: gold, attrs: [bold] }
            skipped: { fgColor: dimgray }
          table:
            header: { fgColor: whitesmoke, attrs: [bold] }
            cursor: { fgColor: black, bgColor: aqua }
          dialog: { fgColor: whitesmoke, bgColor: navy }
          flash:
            error: { fgColor: orangered, attrs: [bold] }
            info: { fgColor: palegreen }
          hint: { fgColor: gray }
          key: { fgColor: dodgerblue, attrs: [bold] }
        """
}
