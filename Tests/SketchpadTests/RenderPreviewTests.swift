import Sketchpad
import Testing

@Test func preview() {
    var state = makeState()
    drawSeven(&state)
    print(dump(state.render()))
    _ = state.update(.key(.tab))
    _ = state.update(.key(.tab))
    print(dump(state.render()))
    _ = state.update(.key(.enter))
    print(dump(state.render()))
    var small = makeState(width: 80, height: 24)
    drawSeven(&small)
    print(dump(small.render()))
}
